// The single-file build has the same declarations as the main entry.
import { init, klDivergence, type Distribution } from 'divergence-lab/single';

export async function useSingle(p: Distribution, q: Distribution): Promise<number> {
  await init();
  return klDivergence(p, q, { base: 2 });
}
