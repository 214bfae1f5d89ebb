import { closeLeftovers } from './leftovers';

// Runs after every afterAll of the test file: closes what a timed-out hook opened late.
afterAll(closeLeftovers);
