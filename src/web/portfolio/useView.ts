import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import { type PortfolioView, searchWithView, viewFromSearch } from './view.js';

/**
 * The portfolio's filters and order, kept in the page address so that a link reproduces the view.
 * The page shows its own state and writes it to the address, rather than reading every keystroke
 * back from the address: the router applies address changes in a transition, which lags on a busy
 * machine and would drop characters from the search field (React cannot control a text input from
 * a transition) or lose one change made before the previous one showed.
 */
export function usePortfolioView(): [PortfolioView, Dispatch<SetStateAction<PortfolioView>>] {
  const location = useLocation();
  const navigationType = useNavigationType();
  const navigate = useNavigate();
  const [view, setView] = useState(() => viewFromSearch(new URLSearchParams(location.search)));

  // A link or the browser's back and forward buttons chose a view; the page's own changes replace
  // the address and are shown already.
  useEffect(() => {
    if (navigationType !== 'REPLACE') setView(viewFromSearch(new URLSearchParams(location.search)));
  }, [location.search, navigationType]);

  useEffect(() => {
    const current = new URLSearchParams(window.location.search);
    const wanted = searchWithView(current, view);
    if (wanted.toString() !== current.toString()) navigate({ search: wanted.toString() }, { replace: true });
  }, [view, navigate]);

  return [view, setView];
}
