import { Card, Dialog, List, NavBar, NoticeBar } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { useTitle } from './use-title.js';

function Page({ title, back = true, children }) {
  useTitle(title);
  const navigate = useNavigate();
  return (
    <div className="page">
      <NavBar back={back ? '返回' : null} backArrow={back} onBack={() => navigate(-1)}>{title}</NavBar>
      {children}
    </div>
  );
}

const POLICIES = [
  { id: '1', title: '关于进一步优化营商环境的若干措施' },
  { id: '2', title: '干部教育培训工作条例解读' },
];

export function Home() {
  const navigate = useNavigate();
  return (
    <Page title="首页" back={false}>
      <NoticeBar content="欢迎使用干部在线" color="info" />
      <List header="工作台">
        <List.Item onClick={() => navigate('/policy')} description="最新文件与解读">政策文件</List.Item>
      </List>
    </Page>
  );
}

export function Policy() {
  const navigate = useNavigate();
  return (
    <Page title="政策文件">
      <List>{POLICIES.map((p) => <List.Item key={p.id} onClick={() => navigate(`/policy/${p.id}`)}>{p.title}</List.Item>)}</List>
    </Page>
  );
}

export function PolicyDetail() {
  const { id } = useParams();
  const policy = POLICIES.find((p) => p.id === id) ?? POLICIES[0];
  return (
    <Page title="政策详情">
      <Card title={policy.title}><p className="text">本文件自发布之日起施行，由市委组织部负责解释。</p></Card>
    </Page>
  );
}

export function Study() {
  const navigate = useNavigate();
  return (
    <Page title="学习" back={false}>
      <List header="学习专区">
        <List.Item extra="8 门">必修课程</List.Item>
        <List.Item onClick={() => navigate('/study/records')}>学习记录</List.Item>
      </List>
    </Page>
  );
}

export function StudyRecords() {
  return (
    <Page title="学习记录">
      <Card title="学习统计">
        <p className="text">今日已学习 35 分钟</p>
        <p className="text">累计学习时长 126 小时</p>
      </Card>
      <List header="最近学习">
        <List.Item extra="2026-11-03">习近平新时代中国特色社会主义思想专题</List.Item>
      </List>
    </Page>
  );
}

export function Mine({ onSignOut }) {
  const navigate = useNavigate();
  async function signOut() {
    if (await Dialog.confirm({ content: '确定退出登录吗？' })) onSignOut();
  }
  return (
    <Page title="我的" back={false}>
      <List>
        <List.Item onClick={() => navigate('/mine/profile')}>个人信息</List.Item>
        <List.Item onClick={() => navigate('/mine/messages')}>消息通知</List.Item>
        <List.Item onClick={signOut}>退出登录</List.Item>
      </List>
    </Page>
  );
}

export function Profile() {
  return (
    <Page title="个人信息">
      <List>
        <List.Item extra="张**">姓名</List.Item>
        <List.Item extra="市直机关">单位</List.Item>
      </List>
    </Page>
  );
}

export function Messages() {
  return (
    <Page title="消息通知">
      <List>
        <List.Item description="2026-11-01">年度培训计划已发布</List.Item>
      </List>
    </Page>
  );
}
