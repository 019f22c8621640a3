// 第十八条 投诉建议功能: one test per check, grouped in src/audit/article-suites.ts; the test body is shared (src/audit/check-test.ts).
import { describeArticleSuite } from '../src/audit/article-spec.js';

describeArticleSuite('article-18-complaint');
