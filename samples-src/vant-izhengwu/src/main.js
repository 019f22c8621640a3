// i 政务: Vue 3 + Vant 4 + vue-router 4 (hash history). Components are registered one by one
// with their own styles, as Vant's docs recommend for on-demand use without a resolver plugin.
import { createApp } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import { Button, Cell, CellGroup, Field, Grid, GridItem, NavBar, NoticeBar, Step, Steps, Tabbar, TabbarItem, Tag } from 'vant';
import 'vant/es/button/style/index';
import 'vant/es/cell/style/index';
import 'vant/es/cell-group/style/index';
import 'vant/es/field/style/index';
import 'vant/es/grid/style/index';
import 'vant/es/grid-item/style/index';
import 'vant/es/nav-bar/style/index';
import 'vant/es/notice-bar/style/index';
import 'vant/es/step/style/index';
import 'vant/es/steps/style/index';
import 'vant/es/tabbar/style/index';
import 'vant/es/tabbar-item/style/index';
import 'vant/es/tag/style/index';
import 'vant/es/toast/style/index';
import App from './App.vue';
import { routes } from './routes.js';

const router = createRouter({ history: createWebHashHistory(), routes });
router.afterEach((to) => { document.title = to.meta.title; });

const app = createApp(App).use(router);
for (const c of [Button, Cell, CellGroup, Field, Grid, GridItem, NavBar, NoticeBar, Step, Steps, Tabbar, TabbarItem, Tag]) app.use(c);
app.mount('#app');
