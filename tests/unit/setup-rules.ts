// Installs the maintained public-domain list (C5) before every unit and component test file,
// as the app does at start-up: the core never imports the list itself (bundle size), and
// isPublicDomain throws until it is installed. Wired through `setupFiles` in vite.config.ts.
import list from 'free-email-domains';
import { usePublicDomains } from '$lib/core';

usePublicDomains(list);
