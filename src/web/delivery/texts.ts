/** The delivery page's texts, Swedish first; English must have the same keys. */
export const deliverySv = {
  title: 'Leverans',
  intro: 'Leveransen av systemet skola för skola: administratörskonton, överlämning och användarkonton.',
};

export const deliveryEn: typeof deliverySv = {
  title: 'Delivery',
  intro: 'Delivery of the system school by school: admin accounts, hand-over and user accounts.',
};
