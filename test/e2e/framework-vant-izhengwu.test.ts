// The framework sample vant-izhengwu audited end to end (the cases: test/e2e/framework-cases.ts).
import { describeFrameworkSample } from './framework-cases.js';

describeFrameworkSample('vant-izhengwu');
