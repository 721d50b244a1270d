/** lightning/platformShowToastEvent: the host page shows the toast. */
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: {
        title: toast.title,
        message: toast.message,
        messageData: toast.messageData,
        variant: toast.variant || 'info',
        mode: toast.mode || 'dismissible',
      },
    });
  }
}
