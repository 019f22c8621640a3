// 第十六条 适配性与 IPv6: one test per check, grouped in src/audit/article-suites.ts; the test body is shared (src/audit/check-test.ts).
import { describeArticleSuite } from '../src/audit/article-spec.js';

describeArticleSuite('article-16-compatibility');
