// The example pairs shipped in public/examples/<id>/{reference,current}.csv, with their labels (the
// #example select and the one-click buttons show them) and citations (see public/examples/README.md).

export const DEFAULT_EXAMPLE = 'penguins_biscoe_vs_dream';

export const EXAMPLES = {
  penguins_biscoe_vs_dream: {
    label: 'Penguins: Biscoe vs Dream island',
    split: 'reference: penguins on Biscoe island; current: penguins on Dream island',
    citation:
      'Palmer penguins: Horst, Hill & Gorman (2020), palmerpenguins: Palmer Archipelago (Antarctica) penguin data, ' +
      'R package, doi:10.5281/zenodo.3960218. Licence CC0. Via seaborn-data.',
  },
  tips_lunch_vs_dinner: {
    label: 'Restaurant tips: lunch vs dinner',
    split: 'reference: lunch; current: dinner',
    citation:
      'Restaurant tips: Bryant & Smith (1995), Practical Data Analysis: Case Studies in Business Statistics, ' +
      'Richard D. Irwin. Via seaborn-data (the reshape2 tips data).',
  },
  flights_1949_1954_vs_1955_1960: {
    label: 'Airline passengers: 1949–1954 vs 1955–1960',
    split: 'reference: 1949–1954; current: 1955–1960',
    citation:
      'Monthly airline passengers: Box & Jenkins (1976), Time Series Analysis: Forecasting and Control, ' +
      'Holden-Day (series G). Via seaborn-data.',
  },
  taxis_march_1to15_vs_16to31: {
    label: 'NYC taxis: 1–15 vs 16–31 March 2019',
    split: 'reference: pickups 1–15 March 2019; current: pickups 16–31 March 2019',
    citation: 'NYC taxi trips, March 2019: NYC Taxi and Limousine Commission (TLC) trip record data, sample via seaborn-data.',
  },
};

/** Same-origin URL of one file of an example pair, resolved against the site's base URL. */
export function exampleUrl(id, side) {
  const base = new URL(import.meta.env.BASE_URL, document.baseURI);
  return new URL(`examples/${encodeURIComponent(id)}/${side}.csv`, base);
}

/**
 * Fetches both files of an example pair.
 * @returns {Promise<{reference: Uint8Array, current: Uint8Array}>}
 * @throws Error naming the file that could not be loaded
 */
export async function fetchExample(id) {
  if (!Object.hasOwn(EXAMPLES, id)) throw new Error(`unknown example “${id}”`);
  const load = async (side) => {
    const url = exampleUrl(id, side);
    let response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new Error(`${id}/${side}.csv could not be downloaded (${error.message})`);
    }
    if (!response.ok) throw new Error(`${id}/${side}.csv could not be downloaded (HTTP ${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [reference, current] = await Promise.all([load('reference'), load('current')]);
  return { reference, current };
}
