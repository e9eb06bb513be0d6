/** The texts of role acknowledgements, Swedish first; English must have the same keys. */
export const acknowledgementsSv = {
  confirm: 'Jag har tagit del av mitt ansvar',
};

export const acknowledgementsEn: typeof acknowledgementsSv = {
  confirm: 'I have read my responsibility',
};
