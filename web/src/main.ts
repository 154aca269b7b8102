/** Entry point: mounts the frame, starts the router, shows how fresh the data are. */
import './styles/main.css';
import { mountShell } from './layout/shell.ts';
import { startRouter } from './router.ts';
import { showDataStatus } from './layout/data-status.ts';
import { holdSourceLoading } from './citations/source-registry.ts';

const app = document.getElementById('app')!;
const shell = mountShell(app);

document.querySelector('.skip-link')?.addEventListener('click', (ev) => {
  ev.preventDefault();
  shell.main.focus();
});

// Source records (for citations) load once a page has drawn, so they never delay its data.
let first = true;
startRouter(shell.main, (_name, path) => { shell.setActive(path); holdSourceLoading(true); }, () => {
  holdSourceLoading(false);
  if (first) void showDataStatus(shell.status);
  first = false;
});
