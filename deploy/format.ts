/** Generated files go through the repository's Prettier settings, so `npm run lint` accepts them as written. */
import { format, resolveConfig } from 'prettier';

export async function formatLikeRepo(text: string, filePath: string): Promise<string> {
  const options = (await resolveConfig(filePath)) ?? {};
  return format(text, { ...options, filepath: filePath });
}
