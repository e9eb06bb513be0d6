import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { sv } from '../i18n/sv.js';
import { FormActions } from './FormActions.js';
import { SavedNotice } from './SavedNotice.js';

const swedish = i18next.createInstance();
await swedish.init({ resources: { sv: { translation: sv } }, lng: 'sv', initAsync: false });

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={swedish}>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        {node}
      </MantineProvider>
    </I18nextProvider>,
  );
const noop = () => {};

describe('SavedNotice', () => {
  it('keeps an empty live region while nothing is saved, so the later message is announced', () => {
    expect(render(<SavedNotice message={null} onClose={noop} />)).toBe('<div role="status"></div>');
  });

  it('shows the message inside the live region with a close button named in Swedish', () => {
    const html = render(<SavedNotice message="Skolan Ekbacken är sparad." onClose={noop} />);
    expect(html).toMatch(/^<div role="status"><div[^>]*role="alert"/);
    expect(html).toContain('Skolan Ekbacken är sparad.');
    expect(html).toContain('aria-label="Stäng"');
  });
});

describe('FormActions', () => {
  it('offers Avbryt only where the form can be left', () => {
    const withCancel = render(<FormActions error={null} submitLabel="Spara skolan" pending={false} onCancel={noop} />);
    const withoutCancel = render(<FormActions error={null} submitLabel="Spara skolan" pending={false} />);
    expect(withCancel).toContain('Avbryt');
    expect(withoutCancel).not.toContain('Avbryt');
    expect(withoutCancel).toMatch(/<button[^>]*type="submit"[^>]*>.*Spara skolan/);
  });

  it('says what went wrong with the save above the buttons', () => {
    const html = render(
      <FormActions error={new Error('Servern svarade inte')} submitLabel="Spara" pending={false} onCancel={noop} />,
    );
    expect(html.indexOf('role="alert"')).toBeGreaterThanOrEqual(0);
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('type="submit"'));
  });
});
