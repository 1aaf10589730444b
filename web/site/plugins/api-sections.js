// Sections of the generated API reference (api.html): which section each exported function is listed in,
// keyed by export name. A function missing here is listed under "Other", so a new export always appears;
// add it here to file it properly. Within a section, functions keep their order in index.d.ts.
// Exported types and interfaces are listed together under "Types", in source order.

export const SECTIONS = [
  { id: 'setup', title: 'Setup', names: ['init', 'isReady'] },
  {
    id: 'discrete',
    title: 'Discrete divergences',
    names: [
      'klDivergence',
      'crossEntropy',
      'entropy',
      'jsDivergence',
      'jsDistance',
      'psi',
      'jeffreys',
      'totalVariation',
      'hellinger',
      'bhattacharyyaCoefficient',
      'bhattacharyyaDistance',
      'pearsonChiSquare',
      'neymanChiSquare',
      'renyiDivergence',
      'fDivergence',
    ],
  },
  { id: 'pointwise', title: 'Pointwise terms', names: ['klTerms', 'pointwiseTerms', 'relEntr'] },
  {
    id: 'log-space',
    title: 'Log space and batches',
    names: ['logSumExp', 'logSoftmax', 'softmax', 'klDivergenceRows', 'klLogitsGradient'],
  },
  {
    id: 'normal',
    title: 'Normal distributions',
    names: ['klNormal', 'normalPdf', 'normalLogPdf', 'klGrid', 'klGridLog'],
  },
  { id: 'compare', title: 'Dataset comparison', names: ['compareCsv'] },
];

/** Functions (and other value exports) not named above. */
export const OTHER = { id: 'other', title: 'Other' };

/** Exported interfaces, type aliases and enums. */
export const TYPES = { id: 'types', title: 'Types' };
