/** The Canh Giác mark: a shield with an open eye. Decorative; the name beside it is the label. */
export function Logo({ size = 40 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 1.5 3.5 6v8.6c0 7.6 5.3 13.8 12.5 15.9 7.2-2.1 12.5-8.3 12.5-15.9V6L16 1.5Z" fill="#ffffff" />
      <path d="M16 3.4 5.3 7.3v7.3c0 6.6 4.5 12 10.7 14 6.2-2 10.7-7.4 10.7-14V7.3L16 3.4Z" fill="#0b3260" />
      <path d="M7.2 15.5c2.2-3.6 5.3-5.5 8.8-5.5s6.6 1.9 8.8 5.5c-2.2 3.6-5.3 5.5-8.8 5.5s-6.6-1.9-8.8-5.5Z" fill="#ffffff" />
      <circle cx="16" cy="15.5" r="3.7" fill="#c8102e" />
      <circle cx="16" cy="15.5" r="1.5" fill="#0b3260" />
    </svg>
  );
}
