export type CloseChoice = 'save' | 'discard' | 'cancel';

/**
 * Decides what closing the window does while the document may have unsaved changes.
 * Electron's `close` event is synchronous, so the first close is held, the user is asked,
 * and the window is closed again once the answer (or a finished save) allows it.
 */
export class CloseGuard {
  private dirty = false;
  private allowed = false;
  private closeAfterSave = false;

  /** The renderer reported its state; returns true when a pending "save then close" can now close. */
  setDirty(dirty: boolean): boolean {
    this.dirty = dirty;
    if (!dirty && this.closeAfterSave) {
      this.closeAfterSave = false;
      this.allowed = true;
      return true;
    }
    return false;
  }

  isDirty(): boolean {
    return this.dirty;
  }

  /** On `close`: 'close' lets it happen; 'ask' means prevent it and ask the user. */
  onClose(): 'close' | 'ask' | 'wait' {
    if (this.allowed || !this.dirty) return 'close';
    return this.closeAfterSave ? 'wait' : 'ask';
  }

  /** The user's answer: 'close' now, 'save' (ask the renderer to save, close when clean), or 'stay'. */
  choose(choice: CloseChoice): 'close' | 'save' | 'stay' {
    if (choice === 'discard') {
      this.allowed = true;
      return 'close';
    }
    if (choice === 'save') {
      this.closeAfterSave = true;
      return 'save';
    }
    return 'stay';
  }

  /** The save asked for on close failed or was cancelled: stay open and forget the pending close. */
  saveFailed(): void {
    this.closeAfterSave = false;
  }
}
