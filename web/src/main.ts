import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import './styles.css';
import { createGraphQLClient } from './urql';

createApp(App).use(urql, createGraphQLClient()).mount('#app');
