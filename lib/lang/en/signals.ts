/** What an English reply covers (apology, cause, remedy …), from dictionaries/en/coverage.json. */
import data from '../../../dictionaries/en/coverage.json';
import { compileCoverageLexicon } from '../signals';

export const enCoverageLexicon = compileCoverageLexicon(data);
