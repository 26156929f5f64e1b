import { jestConfig } from '../../jest.preset.js';

// Three workers on two cores: the end-to-end files spend most of their time waiting on vendor pacing in the
// emulators, child processes and the network, not on the CPU, and jest's default (one worker per spare core)
// would run them one after another.
export default jestConfig(import.meta.dirname, { maxWorkers: 3 });
