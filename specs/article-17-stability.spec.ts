// 第十七条 稳定运行: one test per check, grouped in src/audit/article-suites.ts; the test body is shared (src/audit/check-test.ts).
import { describeArticleSuite } from '../src/audit/article-spec.js';

describeArticleSuite('article-17-stability');
