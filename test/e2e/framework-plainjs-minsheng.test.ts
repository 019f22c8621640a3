// The framework sample plainjs-minsheng audited end to end (the cases: test/e2e/framework-cases.ts).
import { describeFrameworkSample } from './framework-cases.js';

describeFrameworkSample('plainjs-minsheng');
