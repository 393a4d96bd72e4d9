// Campaigns dashboard: draws each canvas[data-chart] from its data-chart-data attribute with Chart.js.
// The same figures are on the page as numbers and in the funnel's table.
(() => {
	if (!window.Chart) {
		return;
	}
	const palette = ['#0b6e79', '#f2b705', '#a4262c', '#5b6b78', '#11703a', '#7d4fb5'];
	const base = { responsive: true, maintainAspectRatio: false, animation: false };
	const counts = { beginAtZero: true, ticks: { precision: 0 } };
	const options = {
		bar: { ...base, plugins: { legend: { display: false } }, scales: { y: counts } },
		percent: {
			...base, plugins: { legend: { display: false } },
			scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: (value) => `${value}%` } } },
		},
		funnel: { ...base, scales: { y: counts } },
	};
	let drawn = 0;
	document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
		const data = JSON.parse(canvas.dataset.chartData || '{"labels":[],"series":[]}');
		const kind = canvas.dataset.chart;
		new window.Chart(canvas, {
			type: 'bar',
			data: {
				labels: data.labels,
				datasets: data.series.map((s, i) => ({
					label: s.label,
					data: s.data,
					// one series: a colour per bar; several: a colour per series
					backgroundColor: data.series.length === 1 ? data.labels.map((_, j) => palette[j % palette.length])
						: palette[i % palette.length],
				})),
			},
			options: options[kind] || options.bar,
		});
		drawn++;
	});
	document.documentElement.dataset.campaignCharts = String(drawn);
})();
