/** What a Japanese reply covers (apology, cause, remedy …), from dictionaries/ja/coverage.json. */
import data from '../../../dictionaries/ja/coverage.json';
import { compileCoverageLexicon } from '../signals';

export const jaCoverageLexicon = compileCoverageLexicon(data);
