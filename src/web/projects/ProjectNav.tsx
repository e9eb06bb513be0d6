import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const tabStyle = ({ isActive }: { isActive: boolean }) => ({
  display: 'inline-block',
  // Twelve parts fit one line of the 1200-pixel page at this size.
  padding: '8px 8px',
  fontSize: 'var(--mantine-font-size-sm)',
  fontWeight: isActive ? 700 : 500,
  color: isActive ? 'var(--mantine-color-blue-9)' : 'var(--mantine-color-gray-8)',
  textDecoration: 'none',
  borderBottom: `3px solid ${isActive ? 'var(--mantine-color-blue-9)' : 'transparent'}`,
  marginBottom: -1,
});

/** The parts of a project as tabs: links, the current one marked with aria-current="page". */
export function ProjectNav({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const base = `/projekt/${projectId}`;
  return (
    <Group
      component="nav"
      aria-label={t('projectNav.label')}
      gap={2}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}
    >
      <NavLink to={base} end style={tabStyle}>
        {t('projectNav.checklist')}
      </NavLink>
      <NavLink to={`${base}/tidplan`} style={tabStyle}>
        {t('timeline.title')}
      </NavLink>
      <NavLink to={`${base}/plan`} style={tabStyle}>
        {t('projectNav.plan')}
      </NavLink>
      <NavLink to={`${base}/revisioner`} style={tabStyle}>
        {t('projectNav.revisions')}
      </NavLink>
      <NavLink to={`${base}/maluppfoljning`} style={tabStyle}>
        {t('measurements.title')}
      </NavLink>
      <NavLink to={`${base}/organisation`} style={tabStyle}>
        {t('projectNav.organisation')}
      </NavLink>
      <NavLink to={`${base}/utbildningar`} style={tabStyle}>
        {t('trainings.title')}
      </NavLink>
      <NavLink to={`${base}/kommunikation`} style={tabStyle}>
        {t('communication.title')}
      </NavLink>
      <NavLink to={`${base}/leverans`} style={tabStyle}>
        {t('delivery.title')}
      </NavLink>
      <NavLink to={`${base}/styrning`} style={tabStyle}>
        {t('steering.title')}
      </NavLink>
      <NavLink to={`${base}/avslut`} style={tabStyle}>
        {t('closure.title')}
      </NavLink>
      <NavLink to={`${base}/historik`} style={tabStyle}>
        {t('projectNav.history')}
      </NavLink>
    </Group>
  );
}
