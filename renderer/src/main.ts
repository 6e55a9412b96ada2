import { mount } from 'svelte';
import App from './App.svelte';
import { getApi, getDesktopApi } from './lib/api.ts';
import { downloadFile } from './lib/download.ts';
import { createWindowState } from './lib/state/window-state.ts';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element to mount Earshot into');

const desktop = getDesktopApi(window);
mount(App, {
  target,
  props: createWindowState(getApi(window), desktop, window, (file) => downloadFile(file)),
});
// The window's state has subscribed to every push event: the main process may send them now.
desktop?.ready();
