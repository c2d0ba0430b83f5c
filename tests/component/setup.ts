// Component tests run in jsdom with jest-dom's matchers (toBeInTheDocument, toHaveAttribute …).
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';

// findBy… and waitFor wait up to 1 s by default; forms that hash a password (PBKDF2 at the
// cost the test chose) answer later than that on a busy 2-core machine.
configure({ asyncUtilTimeout: 10_000 });
