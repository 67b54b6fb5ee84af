// `tikapi/testing` for ES modules: the CommonJS implementation, re-exported.
import testing from './testing.cjs';

export const { startSandbox, Sandbox } = testing;
