/** The portfolio page's texts, Swedish first; English must have the same keys. */
export const portfolioSv = {
  title: 'Portfölj',
};

export const portfolioEn: typeof portfolioSv = {
  title: 'Portfolio',
};
