// ESM entry: the same function object as `require('tikapi')`.
import TikAPI from './index.cjs';

export default TikAPI;
export { TikAPI };
export const {
  TikAPIError,
  ValidationError,
  NetworkError,
  UsageError,
  ResponseError,
  Response,
  catalogue,
  version,
  oauth,
} = TikAPI;
