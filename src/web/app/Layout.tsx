import { Anchor, AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { HotlineLive } from '../features/exchange/hotline/HotlineLive';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { PortalFooter } from '../features/portal/components/PortalFooter';
import { LanguageSwitcher } from './LanguageSwitcher';
import { navItems } from './features';
import { SignOutButton } from './SignOutButton';

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { data: session } = useSession();
  const location = useLocation();
  const signedIn = session?.stage === 'full';
  const visible = navItems.filter((item) => !item.ability || session?.abilities[item.ability] === true);
  const portalItems = visible.filter((item) => item.area === 'portal');
  const secureItems = signedIn ? visible.filter((item) => item.area === 'secure') : [];

  // One entry is highlighted: the most specific one whose path the page is under.
  const under = (to: string) => location.pathname === to || (to !== '/' && location.pathname.startsWith(`${to}/`));
  const activeTo = visible.filter((item) => under(item.to)).sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const renderLinks = (items: typeof visible) =>
    items.map((item) => (
      <NavLink
        key={item.to}
        component={RouterNavLink}
        to={item.to}
        label={t(item.label)}
        end
        active={item.to === activeTo}
        onClick={close}
      />
    ));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('menu')} />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never" c="blue.8">
              Mosaic
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            {signedIn && <NotificationsBell />}
            {signedIn && session.abilities['hotline.stream'] === true && <HotlineLive />}
            {signedIn ? (
              <>
                <Button component={Link} to="/profile" variant="subtle" size="compact-sm" visibleFrom="sm">
                  {session.user?.displayName}
                </Button>
                <SignOutButton />
              </>
            ) : (
              <Button component={Link} to="/sign-in" size="compact-sm" style={{ flexShrink: 0 }}>
                {t('signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('mainNavigation')}>
        <ScrollArea>
          <Stack gap={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs">
              {t('nav.portal')}
            </Text>
            {renderLinks(portalItems)}
            {secureItems.length > 0 && (
              <>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md">
                  {t('nav.secure')}
                </Text>
                {renderLinks(secureItems)}
              </>
            )}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
        <PortalFooter />
      </AppShell.Main>
    </AppShell>
  );
}
