// 第五条 主办单位及备案编号标示: one test per check, grouped in src/audit/article-suites.ts; the test body is shared (src/audit/check-test.ts).
import { describeArticleSuite } from '../src/audit/article-spec.js';

describeArticleSuite('article-05-filing');
