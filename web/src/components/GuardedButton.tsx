// A button that the state of the record may forbid: disabled, with the reason as a tooltip and
// as text for screen readers (the wrapper takes the focus a disabled button cannot).
import { useId, type ReactNode } from 'react';
import { Button, Tooltip, type ButtonProps } from 'antd';

export function GuardedButton({ reason, children, ...props }: ButtonProps & { reason?: string | null; children: ReactNode }) {
  const id = useId();
  if (!reason) return <Button {...props}>{children}</Button>;
  return (
    <Tooltip title={reason}>
      <span className="guarded" tabIndex={0} aria-describedby={id}>
        <Button {...props} disabled>
          {children}
        </Button>
        <span id={id} className="visually-hidden">
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}
