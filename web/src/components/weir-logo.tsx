/** A weir: water stepping over a low dam. Drawn inline so the login page needs no asset request. */
export function WeirLogo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#1668dc" />
      <path d="M5 12c3 0 3-2 6-2s3 2 6 2 3-2 6-2 3 2 4 2" stroke="#fff" strokeWidth="2.2" fill="none" strokeLinecap="round" />
      <path d="M5 18c3 0 3-2 6-2s3 2 6 2 3-2 6-2 3 2 4 2" stroke="#9cc4ff" strokeWidth="2.2" fill="none" strokeLinecap="round" />
      <rect x="5" y="22" width="22" height="4" rx="1.5" fill="#fff" />
    </svg>
  );
}
