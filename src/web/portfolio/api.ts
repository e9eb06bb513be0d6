import { useQuery } from '@tanstack/react-query';
import type { Portfolio } from '../../shared/portfolio.js';
import { api } from '../api/client.js';

export const usePortfolio = (enabled: boolean) =>
  useQuery({ queryKey: ['portfolio'], queryFn: () => api<Portfolio>('GET', '/api/portfolio'), enabled });
