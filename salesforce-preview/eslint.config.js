import { base } from '../eslint.base.js';

export default [...base];
