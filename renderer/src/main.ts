import { mount } from 'svelte';
import App from './App.svelte';
import { getApi } from './lib/api.ts';
import { Session } from './lib/state/session.svelte.ts';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element to mount Earshot into');

mount(App, { target, props: { session: new Session(getApi(window)) } });
