/**
 * Attachments: Carbon's file uploader with its button and the chosen files listed (each removable),
 * every label in the page's language (Chromium's own file control speaks the browser's language).
 */
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '@carbon/web-components/es/components/file-uploader/index.js';
import { t } from './boot';

const ACCEPT = 'application/pdf image/png image/jpeg .pdf .png .jpg .jpeg';

export class FilePicker extends LitElement {
  static override properties = {
    label: {},
    files: { state: true },
  };
  declare label: string;
  /** The files chosen, in the order chosen. */
  declare files: File[];

  constructor() {
    super();
    this.label = '';
    this.files = [];
  }

  /** Light DOM: the page's layout applies and tests reach the input as `#<id> input[type=file]`. */
  protected override createRenderRoot() {
    return this;
  }

  clear(): void {
    this.files = [];
  }

  private added = (e: Event) => {
    const { addedFiles } = (e as CustomEvent<{ addedFiles: File[] }>).detail;
    this.files = [...this.files, ...addedFiles];
  };

  private removed(file: File) {
    this.files = this.files.filter((f) => f !== file);
  }

  override render() {
    return html`<cds-file-uploader label-title=${this.label} label-description=${t('cabinet.filesHint')}>
      <cds-file-uploader-button
        accept=${ACCEPT}
        multiple
        button-kind="tertiary"
        size="md"
        @cds-file-uploader-button-changed=${this.added}
        >${t('cabinet.chooseFiles')}</cds-file-uploader-button
      >
      ${this.files.length === 0 ? html`<p class="file-none">${t('cabinet.noFiles')}</p>` : ''}
      ${repeat(
        this.files,
        (f) => f,
        (f) =>
          html`<cds-file-uploader-item
            class="file-names"
            state="edit"
            icon-description=${t('cabinet.removeFile')}
            @cds-file-uploader-item-deleted=${() => this.removed(f)}
            >${f.name}</cds-file-uploader-item
          >`,
      )}
    </cds-file-uploader>`;
  }
}

customElements.define('file-picker', FilePicker);

declare global {
  interface HTMLElementTagNameMap {
    'file-picker': FilePicker;
  }
}
