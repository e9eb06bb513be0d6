/** The legend reads as a heading of its fields, as bold as their labels. */
export const legendStyles = { legend: { fontWeight: 600 } };

/** A hint under the input rather than between label and input, so inputs side by side line up. */
export const hintBelowInput: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];
