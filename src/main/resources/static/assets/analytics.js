// Analytics page: draws the charts from the JSON data block (#analytics-data) with Chart.js.
// The same figures are in the tables below each chart.
(() => {
	const block = document.getElementById('analytics-data');
	if (!block || !window.Chart) {
		return;
	}
	const data = JSON.parse(block.textContent);
	const palette = ['#0b6e79', '#f2b705', '#a4262c', '#5b6b78', '#11703a', '#7d4fb5', '#c26b00'];
	const color = (i) => palette[i % palette.length];
	const base = { responsive: true, maintainAspectRatio: false, animation: false };
	const counts = { beginAtZero: true, ticks: { precision: 0 } };

	const draw = (id, config) => {
		const canvas = document.getElementById(id);
		if (canvas) {
			new window.Chart(canvas, config);
		}
	};

	draw('chart-bookings', {
		type: 'bar',
		data: {
			labels: data.weeks,
			datasets: data.bookings.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: color(i) })),
		},
		options: { ...base, scales: { x: { stacked: true }, y: { ...counts, stacked: true } } },
	});
	const rate = (id, series) => draw(id, {
		type: 'line',
		data: {
			labels: data.weeks,
			datasets: series.map((s, i) => ({
				label: s.label, data: s.data, borderColor: color(i), backgroundColor: color(i), spanGaps: true,
			})),
		},
		options: { ...base, scales: { y: { beginAtZero: true, suggestedMax: 100, title: { display: true, text: data.percent } } } },
	});
	rate('chart-conversion', data.conversion);
	rate('chart-no-shows', data.noShows);
	draw('chart-handoffs', {
		type: 'bar',
		data: {
			labels: data.handoffs.labels,
			datasets: data.handoffs.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: color(i + 2) })),
		},
		options: { ...base, indexAxis: 'y', scales: { x: counts } },
	});
	draw('chart-hours', {
		type: 'bar',
		data: {
			labels: data.hours.labels,
			datasets: data.hours.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: color(i) })),
		},
		options: { ...base, scales: { x: { stacked: true }, y: { ...counts, stacked: true } } },
	});
	document.documentElement.dataset.analyticsCharts = 'drawn';
})();
