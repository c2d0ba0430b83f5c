// Component tests run in jsdom with jest-dom's matchers (toBeInTheDocument, toHaveAttribute …).
import '@testing-library/jest-dom/vitest';
