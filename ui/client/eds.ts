/** The applicant's sign-in page: NCALayer signs the server's one-time challenge. */
import { api, lang } from './common';
import { signChallenge } from './ncalayer';
import { edsText } from '../eds/texts';

const button = document.getElementById('eds-signin-button') as HTMLButtonElement;
const message = document.getElementById('eds-message') as HTMLElement;

button.addEventListener('click', async () => {
  button.disabled = true;
  message.className = 'message';
  message.textContent = edsText(lang, 'signing');
  try {
    const { challenge } = await api('POST', '/api/eds/challenge');
    const cms = await signChallenge(challenge);
    const res = await api('POST', '/api/eds/signin', { cms });
    window.location.assign(res.redirect);
  } catch (err) {
    message.className = 'message error';
    message.setAttribute('role', 'alert');
    message.textContent = (err as Error).message;
    button.disabled = false;
  }
});
