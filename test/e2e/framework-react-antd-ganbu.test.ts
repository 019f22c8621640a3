// The framework sample react-antd-ganbu audited end to end (the cases: test/e2e/framework-cases.ts).
import { describeFrameworkSample } from './framework-cases.js';

describeFrameworkSample('react-antd-ganbu');
