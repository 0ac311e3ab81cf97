import { Anchor, Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { SITE_PAGE_SLUGS } from '../../../../contract/portal';
import { LANGUAGES } from '../../../i18n/languages';

const KOSOVO = /kosov|косов|XK\*/i;

/**
 * True while the page's main content names Kosovo* anywhere (text, facets, chart tables, the
 * matrix, the map's member list): the footnote is then shown once, in the footer.
 */
function useMainNamesKosovo(): boolean {
  const [names, setNames] = useState(false);
  const location = useLocation();
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    // The footer sits inside <main> too: its own text (the footnote itself) does not count. Cells are
    // concatenated without spaces ("HRXK*MD"), so the code is matched without a word boundary.
    const check = () => setNames([...main.children].some((child) => !child.classList.contains('portal-footer') && KOSOVO.test(child.textContent ?? '')));
    check();
    const observer = new MutationObserver(check);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [location.pathname]);
  return names;
}

/** Every page's footer: publisher, the site pages, languages and feeds, and the Kosovo* footnote when due. */
export function PortalFooter() {
  const { t, i18n } = useTranslation('portal');
  const kosovo = useMainNamesKosovo();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Box component="footer" className="portal-footer" mt="xl" pt="md" pb="lg">
      {kosovo && (
        <Text size="sm" mb="md" id="kosovo-footnote" data-testid="kosovo-footnote">
          {t('kosovoFootnote')}
        </Text>
      )}
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap={4} maw={320}>
          <Text size="sm" fw={700}>
            Mosaic
          </Text>
          <Text size="sm">{t('footer.publisher')}</Text>
        </Stack>
        <Box component="nav" aria-label={t('footer.site')}>
          <Text size="sm" fw={700} mb={4}>
            {t('footer.site')}
          </Text>
          <Stack component="ul" gap={4} className="portal-footer-list">
            {SITE_PAGE_SLUGS.map((slug) => (
              <li key={slug}>
                <Anchor component={Link} to={`/pages/${slug}`} size="sm">
                  {t(`footer.${slug}`)}
                </Anchor>
              </li>
            ))}
          </Stack>
        </Box>
        <Box component="nav" aria-label={t('footer.languages')}>
          <Text size="sm" fw={700} mb={4}>
            {t('footer.languages')}
          </Text>
          <Stack component="ul" gap={4} className="portal-footer-list">
            {LANGUAGES.map((language) => (
              <li key={language.code}>
                <UnstyledButton
                  lang={language.code}
                  fz="sm"
                  c="blue.8"
                  td={current === language.code ? 'none' : 'underline'}
                  fw={current === language.code ? 700 : 400}
                  aria-current={current === language.code ? 'true' : undefined}
                  onClick={() => void i18n.changeLanguage(language.code)}
                >
                  {language.label}
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </Box>
        <Box component="nav" aria-label={t('footer.feeds')}>
          <Text size="sm" fw={700} mb={4}>
            {t('footer.feeds')}
          </Text>
          <Stack component="ul" gap={4} className="portal-footer-list">
            <li>
              <Anchor href={`/feeds/news.rss?lang=${current}`} size="sm">
                {t('footer.newsRss')}
              </Anchor>
            </li>
            <li>
              <Anchor href={`/feeds/news.atom?lang=${current}`} size="sm">
                {t('footer.newsAtom')}
              </Anchor>
            </li>
            <li>
              <Anchor href="/feeds/events.ics" size="sm">
                {t('footer.calendar')}
              </Anchor>
            </li>
          </Stack>
        </Box>
      </Group>
    </Box>
  );
}
