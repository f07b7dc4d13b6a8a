import { join } from 'node:path';

/** Two coders, three transcripts (one coded by one coder only); its README gives the expected figures. */
export const AGREEMENT_FIXTURE = join(__dirname, '..', 'fixtures', 'agreement');
