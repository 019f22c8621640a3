// 干部在线: React 18 + antd-mobile 5 + react-router-dom 6 (HashRouter). React attaches one listener
// per event type at the root and dispatches to the onClick props of the tree (no listener on the
// controls themselves). The login form replaces the app in place, without a route change.
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import App from './App.jsx';
import './app.css';

// Name the start route, so the first screen and a later visit share one URL.
if (!location.hash) history.replaceState(null, '', '#/');
createRoot(document.getElementById('root')).render(<HashRouter><App /></HashRouter>);
