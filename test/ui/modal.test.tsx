import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Modal } from '../../renderer/src/components/modal';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Apri
      </button>
      <Modal
        open={open}
        title="Confermare l’impronta?"
        onClose={() => setOpen(false)}
        actions={
          <button type="button" onClick={() => setOpen(false)}>
            Annulla
          </button>
        }
      >
        <p>Le cifre lette al telefono sono uguali?</p>
      </Modal>
    </>
  );
}

describe('Modal', () => {
  it('opens named by its title, closes with Escape or a button, and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.queryByRole('dialog')).toBeNull();
    const opener = screen.getByRole('button', { name: 'Apri' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Confermare l’impronta?' });
    expect(dialog.textContent).toContain('Le cifre lette al telefono sono uguali?');

    screen.getByRole('button', { name: 'Annulla' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Annulla' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
