// 第十九条 数据和个人信息安全: one test per check, grouped in src/audit/article-suites.ts; the test body is shared (src/audit/check-test.ts).
import { describeArticleSuite } from '../src/audit/article-spec.js';

describeArticleSuite('article-19-security');
