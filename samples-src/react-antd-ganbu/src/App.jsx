import { useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { TabBar } from 'antd-mobile';
import { AppOutline, UnorderedListOutline, UserOutline } from 'antd-mobile-icons';
import Login from './Login.jsx';
import { Home, Messages, Mine, Policy, PolicyDetail, Profile, Study, StudyRecords } from './pages.jsx';

const TABS = [
  { key: '/home', title: '首页', icon: <AppOutline /> },
  { key: '/study', title: '学习', icon: <UnorderedListOutline /> },
  { key: '/mine', title: '我的', icon: <UserOutline /> },
];

export default function App() {
  const [signedIn, setSignedIn] = useState(() => Boolean(localStorage.getItem('ganbu-token')));
  const location = useLocation();
  const navigate = useNavigate();
  if (!signedIn) return <Login onSignedIn={() => setSignedIn(true)} />;
  const signOut = () => { localStorage.removeItem('ganbu-token'); setSignedIn(false); navigate('/', { replace: true }); };
  const tab = TABS.find((t) => t.key === location.pathname);
  return (
    <>
      <Routes>
        <Route path="/" element={<Navigate to="/home" replace />} />
        <Route path="/home" element={<Home />} />
        <Route path="/policy" element={<Policy />} />
        <Route path="/policy/:id" element={<PolicyDetail />} />
        <Route path="/study" element={<Study />} />
        <Route path="/study/records" element={<StudyRecords />} />
        <Route path="/mine" element={<Mine onSignOut={signOut} />} />
        <Route path="/mine/profile" element={<Profile />} />
        <Route path="/mine/messages" element={<Messages />} />
        <Route path="*" element={<Navigate to="/home" replace />} />
      </Routes>
      {tab && (
        <div className="tabbar">
          <TabBar activeKey={tab.key} onChange={(key) => navigate(key)}>
            {TABS.map((t) => <TabBar.Item key={t.key} icon={t.icon} title={t.title} />)}
          </TabBar>
        </div>
      )}
    </>
  );
}
