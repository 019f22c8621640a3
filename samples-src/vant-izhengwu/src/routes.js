import About from './views/About.vue';
import Complaint from './views/Complaint.vue';
import ComplaintDetail from './views/ComplaintDetail.vue';
import Exam from './views/Exam.vue';
import Home from './views/Home.vue';
import Mine from './views/Mine.vue';
import MyComplaints from './views/MyComplaints.vue';
import News from './views/News.vue';
import NewsDetail from './views/NewsDetail.vue';
import Ranking from './views/Ranking.vue';
import Receipt from './views/Receipt.vue';
import Services from './views/Services.vue';
import Shebao from './views/Shebao.vue';
import Study from './views/Study.vue';

const page = (path, component, title, extra = {}) => ({ path, component, meta: { title, back: !extra.tab, ...extra } });

export const routes = [
  { path: '/', redirect: '/home' },
  page('/home', Home, '首页', { tab: 'home' }),
  page('/news', News, '政务要闻'),
  page('/news/:id', NewsDetail, '要闻详情'),
  page('/services', Services, '办事', { tab: 'services' }),
  page('/services/shebao', Shebao, '社保查询'),
  page('/services/complaint', Complaint, '投诉建议'),
  page('/services/complaint/receipt', Receipt, '受理回执'),
  page('/mine', Mine, '我的', { tab: 'mine' }),
  page('/mine/study', Study, '学习中心'),
  page('/mine/study/exam', Exam, '学习考核'),
  page('/mine/study/exam/ranking', Ranking, '积分排行榜'),
  page('/mine/complaints', MyComplaints, '我的投诉'),
  page('/mine/complaints/:no', ComplaintDetail, '投诉详情'),
  page('/mine/about', About, '关于我们'),
];
