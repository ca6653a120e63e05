/** GB 11643 ID numbers in the browser: the same rules the server applies (the server checks again). */
export {
  isParsed as isParsedId,
  looksLikeIdNumber,
  parseIdNumber,
  type IdProblem,
  type ParsedId,
} from '@minzheng/contracts/id-number';
